// Resolves `electron` to the recording stand-in beside this file.
export async function resolve(specifier, context, next) {
  if (specifier === 'electron') return { url: new URL('./stand-in.mjs', import.meta.url).href, shortCircuit: true };
  return next(specifier, context);
}
