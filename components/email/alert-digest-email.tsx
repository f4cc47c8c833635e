import { Heading, Link, Section, Text } from "@react-email/components";
import { EmailLayout } from "./email-layout";

export interface AlertPosting {
  title: string;
  companyName: string;
  location: string;
  salary: string | null;
  level: string;
  url: string;
}

export interface AlertDigestEmailProps {
  searchName: string;
  postings: AlertPosting[];
  /** Matches not listed; with moreUrl, a link to all of them. */
  more: number;
  moreUrl: string;
  manageUrl: string;
  unsubscribeUrl: string;
}

const item = { margin: "0 0 16px" };
const title = { fontSize: "16px", fontWeight: 600, margin: "0" };
const meta = { fontSize: "14px", color: "#334155", margin: "2px 0 0" };

export function AlertDigestEmail({ searchName, postings, more, moreUrl, manageUrl, unsubscribeUrl }: AlertDigestEmailProps) {
  const total = postings.length + more;
  const heading = `${total} new ${total === 1 ? "role" : "roles"} for “${searchName}”`;
  return (
    <EmailLayout
      preview={heading}
      footer={
        <>
          You get this email for your saved search “{searchName}”. <Link href={manageUrl}>Manage your saved searches</Link> ·{" "}
          <Link href={unsubscribeUrl}>Stop alerts for this search</Link>
        </>
      }
    >
      <Heading as="h1" style={{ fontSize: "20px", margin: "0 0 16px" }}>
        {heading}
      </Heading>
      {postings.map((posting) => (
        <Section key={posting.url} style={item}>
          <Text style={title}>
            <Link href={posting.url}>{posting.title}</Link>
          </Text>
          <Text style={meta}>
            {posting.companyName} · {posting.location}
          </Text>
          <Text style={meta}>{[posting.level, posting.salary ?? "Salary not stated"].join(" · ")}</Text>
        </Section>
      ))}
      {more > 0 && (
        <Text>
          <Link href={moreUrl}>
            and {more} more {more === 1 ? "posting" : "postings"}
          </Link>
        </Text>
      )}
    </EmailLayout>
  );
}
