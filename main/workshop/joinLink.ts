// The link a workshop participant opens: the hosted web app's join page with the plan and the
// invite code, on the address the host chose. Same form as the server's own invite links, so the
// app's join form reads either.
import { joinUrl } from '../../server/http/httpApi';

/** The server's base URL at an address and port (IPv6 literals need brackets). */
export function workshopServerUrl(address: string, port: number): string {
  return `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
}

export function workshopJoinLink(
  address: string,
  port: number,
  planId: string,
  inviteCode: string,
): string {
  return joinUrl(workshopServerUrl(address, port), planId, inviteCode);
}
