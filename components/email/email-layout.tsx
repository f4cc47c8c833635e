import { Body, Container, Head, Hr, Html, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

const body = { backgroundColor: "#f8fafc", fontFamily: "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif", color: "#0f172a" };
const container = { backgroundColor: "#ffffff", border: "1px solid #e2e8f0", borderRadius: "8px", margin: "24px auto", padding: "24px", maxWidth: "600px" };
const brand = { fontSize: "18px", fontWeight: 700, margin: "0 0 16px" };
const footerText = { fontSize: "12px", color: "#475569", lineHeight: "18px" };

/** The frame every mlradar email shares: brand line, content, a footer. */
export function EmailLayout({ preview, children, footer }: { preview: string; children: ReactNode; footer: ReactNode }) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={body}>
        <Container style={container}>
          <Text style={brand}>mlradar</Text>
          {children}
          <Hr style={{ borderColor: "#e2e8f0", margin: "24px 0 12px" }} />
          <Section>
            <Text style={footerText}>{footer}</Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}
