/** The name of a file without its folder, for Windows and POSIX paths alike. */
export const baseName = (file: string): string => file.split(/[\\/]/).pop() ?? file;
