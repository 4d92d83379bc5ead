import { call } from '../../app/api';
import { useCallResult } from '../../app/hooks';

/** The council of a year: members and each block's assignments; `reload` after a change. */
export function useCouncil(year: number) {
  const { value, reload } = useCallResult('council:get', { year });
  return { council: value, reload };
}

export const saveMember = (name: string, organisation: string | null) => call('council:saveMember', { name, organisation });
export const importMembers = () => call('council:importMembers', {});
export const assignMember = (input: { year: number; blockCode: string; member: string; criteria: string; units: string }) => call('council:assign', input);
export const unassign = (id: number) => call('council:unassign', { id });

/** The packages issued in a year and the conflicts still open; `reload` after an import or a resolution. */
export function usePackages(year: number) {
  const { value, reload } = useCallResult('council:packages', { year });
  return { packages: value, reload };
}

export const writePackages = (year: number) => call('council:writePackages', { year });
export const importPackages = (year: number, preferPackage: boolean) => call('council:importPackages', { year, preferPackage });
export const resolveConflict = (year: number, id: number, resolution: 'keep' | 'package') => call('council:resolveConflict', { year, id, resolution });
