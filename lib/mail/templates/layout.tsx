import { Body, Button, Container, Head, Heading, Hr, Html, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

export type LayoutProps = {
  preview: string;
  heading: string;
  children: ReactNode;
  action?: { label: string; href: string };
  footer?: string;
};

const body = { backgroundColor: "#f6f7f9", fontFamily: "ui-sans-serif, system-ui, -apple-system, 'Segoe UI', sans-serif" };
const container = { backgroundColor: "#ffffff", margin: "24px auto", padding: "32px", borderRadius: "8px", maxWidth: "560px" };
const button = { backgroundColor: "#1d4ed8", color: "#ffffff", padding: "10px 18px", borderRadius: "6px", fontWeight: 600 };

export function EmailLayout({ preview, heading, children, action, footer }: LayoutProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={body}>
        <Container style={container}>
          <Heading as="h1" style={{ fontSize: "20px", margin: "0 0 16px" }}>
            {heading}
          </Heading>
          {children}
          {action ? (
            <Section style={{ margin: "24px 0" }}>
              <Button href={action.href} style={button}>
                {action.label}
              </Button>
              <Text style={{ fontSize: "12px", color: "#6b7280" }}>
                Or open this address: {action.href}
              </Text>
            </Section>
          ) : null}
          <Hr />
          <Text style={{ fontSize: "12px", color: "#6b7280" }}>{footer ?? "Ticketry help desk"}</Text>
        </Container>
      </Body>
    </Html>
  );
}

export const P = ({ children }: { children: ReactNode }) => (
  <Text style={{ fontSize: "15px", lineHeight: "22px", margin: "0 0 12px", whiteSpace: "pre-wrap" }}>{children}</Text>
);
