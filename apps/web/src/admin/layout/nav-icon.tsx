/** Line icons for the navigation (drawn here: the system may have no emoji font). */
const PATHS = {
  dashboard: "M4 13h6V4H4zm10 7h6V4h-6zM4 20h6v-4H4z",
  reports: "M4 20V10m6 10V4m6 16v-7m6 7V8",
  bills: "M6 3h12v18l-3-2-3 2-3-2-3 2zm3 5h6m-6 4h6m-6 4h3",
  shifts: "M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zm0-13v5l3 2",
  bank: "M3 10l9-6 9 6M5 10v8m4-8v8m6-8v8m4-8v8M3 21h18",
  audit: "M12 3l8 3v6c0 5-3.5 8-8 9-4.5-1-8-4-8-9V6zm-3 9l2 2 4-4",
  catalog: "M5 9h11v5a5 5 0 0 1-5 5h-1a5 5 0 0 1-5-5zm11 1h2a2 2 0 0 1 0 4h-2M8 3v3m3-3v3m3-3v3",
  floor: "M4 10h16M6 10v9m12-9v9M8 6h8",
  users: "M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm-7 9a7 7 0 0 1 14 0m1-9a3 3 0 1 0 0-6m2 15a6 6 0 0 0-3-5",
  stations: "M3 4h18v12H3zm5 16h8m-4-4v4",
  printers: "M7 9V3h10v6M7 17H4v-8h16v8h-3M7 14h10v7H7z",
  store: "M3 9l2-5h14l2 5M3 9h18v2a3 3 0 0 1-6 0 3 3 0 0 1-6 0 3 3 0 0 1-6 0zm2 4v7h14v-7M10 20v-5h4v5",
} as const;

export type NavIconName = keyof typeof PATHS;

export function NavIcon({ name }: { readonly name: NavIconName }) {
  return (
    <svg
      className="a-nav-icon"
      viewBox="0 0 24 24"
      width="20"
      height="20"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
