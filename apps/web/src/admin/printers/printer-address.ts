const ADDRESS = /^tcp:\/\/[A-Za-z0-9.-]{1,253}(:\d{1,5})?$/;

/**
 * The address a manager typed, as the server takes it: `192.168.1.50` or `192.168.1.50:9100`
 * gain their `tcp://`; null when it is no address at all (the server has the last word).
 */
export function printerAddress(typed: string): string | null {
  const text = typed.trim();
  const address = text.includes("://") ? text : `tcp://${text}`;
  return ADDRESS.test(address) ? address : null;
}
