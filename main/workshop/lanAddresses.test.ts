import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { lanAddresses, type NetworkInterfaces } from './lanAddresses';

/** One address as os.networkInterfaces() reports it. */
function nic(address: string, changes: Partial<NetworkInterfaceInfo> = {}): NetworkInterfaceInfo {
  const v6 = address.includes(':');
  return {
    address,
    netmask: v6 ? 'ffff:ffff:ffff:ffff::' : '255.255.255.0',
    family: v6 ? 'IPv6' : 'IPv4',
    mac: '00:11:22:33:44:55',
    internal: false,
    cidr: null,
    ...(v6 ? { scopeid: 0 } : {}),
    ...changes,
  } as NetworkInterfaceInfo;
}

const loopback = { lo: [nic('127.0.0.1', { internal: true }), nic('::1', { internal: true })] };

describe('LAN address choice', () => {
  it.each<[string, NetworkInterfaces, string[]]>([
    ['nothing but the loopback', loopback, []],
    ['one Wi-Fi address', { ...loopback, wlan0: [nic('192.168.1.23')] }, ['192.168.1.23']],
    ['IPv6 only on the LAN', { en0: [nic('fe80::1'), nic('2001:db8::5')] }, []],
    ['a self-assigned address (DHCP failed)', { en0: [nic('169.254.10.2')] }, []],
    [
      'Ethernet and Wi-Fi, in the OS order',
      { eth0: [nic('10.0.0.5')], wlan0: [nic('192.168.1.23')] },
      ['10.0.0.5', '192.168.1.23'],
    ],
    [
      'Docker bridge listed before Wi-Fi',
      { docker0: [nic('172.17.0.1')], wlan0: [nic('192.168.1.23')] },
      ['192.168.1.23', '172.17.0.1'],
    ],
    [
      'a VirtualBox host-only network',
      { vboxnet0: [nic('192.168.56.1')], en0: [nic('172.20.4.9')] },
      ['172.20.4.9', '192.168.56.1'],
    ],
    [
      'a public address after a private one',
      { ppp0: [nic('203.0.113.7')], en0: [nic('192.168.0.4')] },
      ['192.168.0.4', '203.0.113.7'],
    ],
    [
      '172.32.x is not private',
      { en0: [nic('172.32.0.1')], en1: [nic('172.31.0.1')] },
      ['172.31.0.1', '172.32.0.1'],
    ],
    ['an interface with no addresses', { en5: undefined, en0: [nic('10.1.2.3')] }, ['10.1.2.3']],
    [
      'Node 18 numeric family',
      { en0: [nic('10.9.8.7', { family: 4 as unknown as 'IPv4' })] },
      ['10.9.8.7'],
    ],
  ])('%s', (_case, interfaces, expected) => {
    expect(lanAddresses(interfaces).map((candidate) => candidate.address)).toEqual(expected);
  });

  it('names the interface of each address, so the host can tell them apart', () => {
    expect(lanAddresses({ wlan0: [nic('192.168.1.23')] })).toEqual([
      { interfaceName: 'wlan0', address: '192.168.1.23' },
    ]);
  });
});
