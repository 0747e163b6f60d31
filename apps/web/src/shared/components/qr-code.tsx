import { create } from "qrcode";
import { useMemo } from "react";

interface QrCodeProps {
  /** The text to encode, e.g. a VietQR payload. */
  readonly value: string;
  /** Rendered size in CSS pixels. */
  readonly size?: number;
  readonly label: string;
}

const QUIET_ZONE = 4;

/** A QR code drawn as one SVG path, computed in the browser (no network, works offline). */
export function QrCode({ value, size = 240, label }: QrCodeProps) {
  const { path, extent } = useMemo(() => {
    const { modules } = create(value, { errorCorrectionLevel: "M" });
    let d = "";
    for (let row = 0; row < modules.size; row += 1) {
      for (let col = 0; col < modules.size; col += 1) {
        if (modules.get(row, col)) d += `M${col + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`;
      }
    }
    return { path: d, extent: modules.size + QUIET_ZONE * 2 };
  }, [value]);

  return (
    <svg
      className="qr-code"
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`0 0 ${extent} ${extent}`}
      shapeRendering="crispEdges"
      data-payload={value}
    >
      <rect width={extent} height={extent} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
