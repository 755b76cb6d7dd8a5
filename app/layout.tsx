import type { Metadata } from "next";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Ticketry", template: "%s · Ticketry" },
  description: "Client, service and ticketing system",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request, so Next.js can put this request's CSP nonce on its scripts
  // (a page prerendered at build time would carry none and the browser would block it; proxy.ts).
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
