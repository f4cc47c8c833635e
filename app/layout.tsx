import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { AccountLink } from "@/components/account/account-link";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "mlradar — senior ML engineering roles", template: "%s · mlradar" },
  description:
    "Senior, staff, principal and lead Machine Learning Engineer roles from company job boards, explained and filterable.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <header className="border-b border-slate-200 bg-white">
          <nav aria-label="Main" className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3 sm:gap-x-6">
            <Link prefetch={false} href="/" className="text-lg font-bold text-slate-900 no-underline">
              ml<span className="text-brand">radar</span>
            </Link>
            <Link prefetch={false} href="/role" className="text-sm text-slate-700 no-underline hover:underline">
              The role
            </Link>
            <Link prefetch={false} href="/companies" className="text-sm text-slate-700 no-underline hover:underline">
              Companies
            </Link>
            <Link prefetch={false} href="/sources" className="text-sm text-slate-700 no-underline hover:underline">
              Sources
            </Link>
            <AccountLink />
          </nav>
        </header>
        <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
      </body>
    </html>
  );
}
