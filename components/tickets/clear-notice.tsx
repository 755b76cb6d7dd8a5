"use client";

import { useEffect } from "react";

/** Forgets the one-shot notice once it has been shown, so a reload does not repeat it. */
export function ClearNotice({ name }: { name: string }) {
  useEffect(() => {
    document.cookie = `${name}=; Max-Age=0; path=/; SameSite=Lax`;
  }, [name]);
  return null;
}
