/**
 * How Vietnamese text reaches a printer in TCVN-3 (docs/printing.md, "Vietnamese"). TCVN-3 is two
 * code pages: one with the lower-case letters and their tones (and Ă Â Ê Ô Ơ Ư Đ), one with the
 * capitals and theirs. The encoder picks, run by run, whichever page holds each character and
 * sends `ESC t n` to switch; these are the `n` it sends, in place of its Epson table (30 and 31).
 * 27 is where the printers sold in Vietnam that this was written for keep TCVN-3, with its
 * capitals next to it; the encoder's initialise turns Chinese mode off (`FS .`) so the bytes
 * above 0x7F are read as the code page and not as the halves of a Chinese character.
 */
export const TCVN3_CODEPAGE_MAPPING = { cp437: 0, tcvn3: 27, tcvn3capitals: 28 } as const;

/** The pages the encoder may pick from, in order of preference. */
export const TCVN3_CANDIDATES = ["tcvn3", "tcvn3capitals"] as const;

/**
 * Text as the encoder's TCVN-3 tables can take it: composed (an item typed with combining tones
 * becomes one character each), and with "Đ" written as the character those tables list at its
 * place (U+00D0, which looks the same), since they lack U+0110 and would print "?".
 */
export function forTcvn3(text: string): string {
  return text.normalize("NFC").replaceAll("\u0110", "\u00d0");
}
