import { useCallback, useEffect, useState } from "react";

function currentPath(): string {
  return window.location.hash.replace(/^#/, "") || "/";
}

/**
 * The app's page as `#/path`: the phone's back button and a reload keep the page, and the server
 * needs no route per page. Returns the path and a function to go to another one.
 */
export function useHashRoute(): [string, (path: string) => void] {
  const [path, setPath] = useState(currentPath);
  useEffect(() => {
    const onChange = () => setPath(currentPath());
    window.addEventListener("hashchange", onChange);
    return () => window.removeEventListener("hashchange", onChange);
  }, []);
  const go = useCallback((next: string) => {
    if (currentPath() !== next) window.location.hash = next;
  }, []);
  return [path, go];
}
