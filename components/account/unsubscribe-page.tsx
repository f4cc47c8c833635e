const page = { fontFamily: "system-ui, sans-serif", maxWidth: "36rem", margin: "3rem auto", padding: "0 1rem", color: "#0f172a", lineHeight: 1.5 };
const button = { background: "#4338ca", color: "#fff", border: 0, borderRadius: "6px", padding: "0.6rem 1rem", fontWeight: 600, cursor: "pointer" };

export type UnsubscribeState = "confirm" | "done" | "unknown";

/**
 * The one-click unsubscribe URL as a person sees it. A GET shows this page and changes nothing
 * (mail scanners fetch links); its button POSTs to the same URL, as RFC 8058 mail clients do.
 */
export function UnsubscribePage({ state, searchName }: { state: UnsubscribeState; searchName?: string }) {
  const title = state === "done" ? "Alerts paused" : state === "unknown" ? "Link not recognised" : "Stop these alerts?";
  return (
    <html lang="en">
      {/* eslint-disable-next-line @next/next/no-head-element -- a standalone document rendered by a route handler, outside the app layout */}
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${title} · mlradar`}</title>
      </head>
      <body style={page}>
        <p style={{ fontWeight: 700 }}>mlradar</p>
        <h1>{title}</h1>
        {state === "confirm" && (
          <form method="post">
            <p>You will get no more email for the saved search “{searchName}”. You can resume it from your saved searches at any time.</p>
            <button type="submit" name="List-Unsubscribe" value="One-Click" style={button}>
              Pause alerts for this search
            </button>
          </form>
        )}
        {state === "done" && <p>You will get no more email for the saved search “{searchName}”.</p>}
        {state === "unknown" && <p>This unsubscribe link is not valid, or its saved search was deleted.</p>}
        <p>
          <a href="/account/searches">Manage your saved searches</a>
        </p>
      </body>
    </html>
  );
}
