// Whether a command-line tool a test needs (pdftotext, xmllint, …) is on this machine, so the
// test can skip and say why instead of failing.
import { execFileSync } from 'node:child_process';

export function hasCommand(tool: string): boolean {
  try {
    execFileSync('which', [tool], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
