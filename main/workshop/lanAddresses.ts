// Which addresses of this computer participants on the local network can reach: IPv4, not the
// loopback, not link-local. A laptop often has several (Wi-Fi, Ethernet, a VPN, a virtual
// machine's bridge), so every candidate is listed, the likeliest first, and the host can pick.
import type { NetworkInterfaceInfo } from 'node:os';

export interface LanAddress {
  /** the interface's name as the OS calls it (en0, wlan0, Ethernet 2) */
  readonly interfaceName: string;
  readonly address: string;
}

/** What os.networkInterfaces() returns. */
export type NetworkInterfaces = NodeJS.Dict<readonly NetworkInterfaceInfo[]>;

/**
 * 169.254.0.0/16: self-assigned when DHCP failed; other machines on the LAN rarely share it, so a
 * link built on it would not work for anyone.
 */
const LINK_LOCAL = /^169\.254\./;

/** Private ranges (RFC 1918): a workshop LAN almost always uses one of these. */
function isPrivate(address: string): boolean {
  const [a = 0, b = 0] = address.split('.').map(Number);
  return a === 10 || (a === 192 && b === 168) || (a === 172 && b >= 16 && b <= 31);
}

/**
 * Names of virtual interfaces (Docker, VirtualBox, VMware, WSL, libvirt): reachable only from
 * this computer, so they go last rather than being dropped (the host may know better).
 */
const VIRTUAL_INTERFACE = /^(docker|br-|veth|virbr|vboxnet|vmnet|vethernet)/i;

/** IPv4 LAN addresses, likeliest first: private physical, other physical, then virtual. */
export function lanAddresses(interfaces: NetworkInterfaces): LanAddress[] {
  const found: LanAddress[] = [];
  for (const [interfaceName, infos] of Object.entries(interfaces)) {
    for (const info of infos ?? []) {
      // Node 18.0-18.3 reported family as the number 4; later versions as 'IPv4'.
      const ipv4 = info.family === 'IPv4' || (info.family as unknown) === 4;
      if (!ipv4 || info.internal || LINK_LOCAL.test(info.address)) continue;
      found.push({ interfaceName, address: info.address });
    }
  }
  const rank = (candidate: LanAddress) =>
    (VIRTUAL_INTERFACE.test(candidate.interfaceName) ? 2 : 0) +
    (isPrivate(candidate.address) ? 0 : 1);
  // Array.prototype.sort is stable, so the OS's order is kept within a rank.
  return found.sort((a, b) => rank(a) - rank(b));
}
