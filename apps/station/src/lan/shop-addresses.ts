import { type NetworkInterfaceInfo, networkInterfaces } from "node:os";
import { isShopAddress } from "@quay/protocol";

/**
 * The machine's addresses on the shop's network: every non-internal IPv4 address in a private
 * range, in the order the system lists its interfaces. IPv6 and public addresses are left out: a
 * phone on the shop's Wi-Fi reaches the counter PC at its 192.168.… address.
 */
export function shopAddresses(
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces(),
): string[] {
  const found = Object.values(interfaces)
    .flatMap((entries) => entries ?? [])
    .filter((entry) => entry.family === "IPv4" && !entry.internal && isShopAddress(entry.address))
    .map((entry) => entry.address);
  return [...new Set(found)];
}
