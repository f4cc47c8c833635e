import type { OutboxEntry } from "@/lib/alerts/transport";

const URL_PATTERN = /(https?:\/\/[^\s<>\]]+)/g;

/** A plain-text email with its links clickable. */
export function OutboxMessage({ message }: { message: OutboxEntry }) {
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4" data-testid="outbox-message">
      <p className="font-semibold">{message.subject}</p>
      <p className="text-sm text-slate-600">
        To {message.to} · {new Date(message.date).toUTCString()}
      </p>
      <pre className="mt-2 text-sm break-words whitespace-pre-wrap">
        {message.text.split(URL_PATTERN).map((part, index) =>
          index % 2 === 1 ? (
            <a key={index} href={part}>
              {part}
            </a>
          ) : (
            part
          ),
        )}
      </pre>
    </li>
  );
}
