import { Heading, Link, Section, Text } from "@react-email/components";
import { EmailLayout } from "./email-layout";

export interface AlertPosting {
  title: string;
  companyName: string;
  /** Where the role is, with the URL of each place's posting (a role a company lists once per city has several). */
  places: { label: string; url: string }[];
  salary: string | null;
  /** The posting says it sponsors work visas. */
  sponsorsVisa: boolean;
  level: string;
  /** Remote, hybrid or on-site. */
  workMode: string;
  /** Its top skills, those the search asks for first. */
  skills: string[];
  /** Why it fits a senior ML engineering role, in one line. */
  why: string | null;
  url: string;
}

export interface AlertDigestEmailProps {
  searchName: string;
  postings: AlertPosting[];
  /** Matching roles in all (a role listed once per city counts once). */
  total: number;
  /** Roles not listed; with moreUrl, a link to all the postings. */
  more: number;
  moreUrl: string;
  manageUrl: string;
  unsubscribeUrl: string;
}

const item = { margin: "0 0 16px" };
const title = { fontSize: "16px", fontWeight: 600, margin: "0" };
const meta = { fontSize: "14px", color: "#334155", margin: "2px 0 0" };
const note = { fontSize: "13px", lineHeight: "18px", color: "#475569", margin: "4px 0 0" };

export function AlertDigestEmail({ searchName, postings, total, more, moreUrl, manageUrl, unsubscribeUrl }: AlertDigestEmailProps) {
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
            {posting.companyName} ·{" "}
            {posting.places.length === 1
              ? posting.places[0]!.label
              : posting.places.map((place, i) => (
                  <span key={place.url}>
                    {i > 0 && " · "}
                    <Link href={place.url}>{place.label}</Link>
                  </span>
                ))}
          </Text>
          <Text style={meta}>{[posting.workMode, posting.level, posting.salary ?? "Salary not stated", posting.sponsorsVisa ? "Sponsors visas" : null].filter(Boolean).join(" · ")}</Text>
          {posting.skills.length > 0 && <Text style={meta}>Skills: {posting.skills.join(", ")}</Text>}
          {posting.why && <Text style={note}>Why it fits: {posting.why}</Text>}
        </Section>
      ))}
      {more > 0 && (
        <Text>
          <Link href={moreUrl}>
            and {more} more {more === 1 ? "role" : "roles"}
          </Link>
        </Text>
      )}
    </EmailLayout>
  );
}
