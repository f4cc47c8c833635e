import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout } from "./email-layout";

export interface SignInEmailProps {
  url: string;
  validMinutes: number;
}

export function SignInEmail({ url, validMinutes }: SignInEmailProps) {
  return (
    <EmailLayout
      preview="Your mlradar sign-in link"
      footer="You get this email because someone asked to sign in to mlradar with this address. If it was not you, ignore it: nothing happens until the link is used."
    >
      <Heading as="h1" style={{ fontSize: "20px", margin: "0 0 12px" }}>
        Sign in to mlradar
      </Heading>
      <Text>
        Open this link to sign in. It works once and for {validMinutes} minutes; it also confirms this address for job
        alerts.
      </Text>
      <Button href={url} style={{ backgroundColor: "#4338ca", color: "#ffffff", padding: "10px 16px", borderRadius: "6px", fontWeight: 600 }}>
        Sign in
      </Button>
      <Text style={{ fontSize: "13px", color: "#475569", wordBreak: "break-all" }}>{url}</Text>
    </EmailLayout>
  );
}
