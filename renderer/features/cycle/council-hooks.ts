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
