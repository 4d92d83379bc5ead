// Unsaved edits are not lost by a click elsewhere: a screen with edits registers what it would
// lose, and the shell asks before it changes the page, the year or the file.
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';

/** Asks the person a yes/no question; true to go on. window.confirm is the window's own modal question. */
export function confirmAction(question: string): boolean {
  return window.confirm(question);
}

/** The question the screen on show would ask before it is left, if any. */
class Guard {
  private question: string | null = null;

  set(question: string | null): void {
    this.question = question;
  }

  release(question: string | null): void {
    if (this.question === question) this.question = null;
  }

  /** true when nothing would be lost, or when the person agrees to lose it */
  mayLeave(): boolean {
    if (!this.question) return true;
    if (!confirmAction(this.question)) return false;
    this.question = null;
    return true;
  }
}

const LeaveGuard = createContext<Guard | null>(null);

export function LeaveGuardProvider({ children }: { children: ReactNode }) {
  const [guard] = useState(() => new Guard());
  return <LeaveGuard.Provider value={guard}>{children}</LeaveGuard.Provider>;
}

/** For the shell: a function that is true when the screen may be left. */
export function useMayLeave(): () => boolean {
  const guard = useContext(LeaveGuard);
  return useCallback(() => guard?.mayLeave() ?? true, [guard]);
}

/** For a screen: while `question` is not null, leaving asks it first. */
export function useLeaveGuard(question: string | null): void {
  const guard = useContext(LeaveGuard);
  useEffect(() => {
    guard?.set(question);
    return () => guard?.release(question);
  }, [guard, question]);
}
