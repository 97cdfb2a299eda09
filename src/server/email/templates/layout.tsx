/**
 * The frame every email shares (React Email components render to table-based, inline-styled HTML that mail
 * clients accept) and `defineEmail`, which pairs a template with its subject and preview sample so the
 * notification service, the account emails and /dev/emails/<name> all render it the same way.
 * Every word comes from messages/<locale>/emails.json: a template gets `t` (its language's translator), `locale`
 * and `money` (cents in that language's format); `render({ ...props, locale })` picks the recipient's language
 * (English when none is given).
 */
import type { ReactNode } from "react";
import { Body, Button, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text, render } from "react-email";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { formatCents } from "@/lib/money";
import { translatorFor, type Translate } from "@/server/i18n/translate";

export type RenderedEmail = { subject: string; html: string; text: string };

/** What a template writes with: the recipient's language, its translator and its money format. */
export type EmailWords = { locale: Locale; t: Translate<"emails">; money: (cents: number) => string };

export function emailWords(locale: Locale = DEFAULT_LOCALE): EmailWords {
  return { locale, t: translatorFor(locale, "emails"), money: (cents) => formatCents(cents, locale) };
}

export type EmailDefinition<P> = {
  subject: (props: P, words: EmailWords) => string;
  Component: (props: P & EmailWords) => ReactNode;
  /** Realistic sample props for the development preview. */
  sample: P;
};

export function defineEmail<P>(
  definition: EmailDefinition<P>,
): EmailDefinition<P> & { render: (props: P & { locale?: Locale }) => Promise<RenderedEmail> } {
  return {
    ...definition,
    render: async ({ locale, ...rest }) => {
      const props = rest as P;
      const words = emailWords(locale);
      const element = definition.Component({ ...props, ...words });
      const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
      return { subject: definition.subject(props, words), html, text };
    },
  };
}

const styles = {
  body: { backgroundColor: "#f8fafc", fontFamily: "system-ui, -apple-system, Segoe UI, Roboto, sans-serif", color: "#0f172a" },
  container: { backgroundColor: "#ffffff", maxWidth: "560px", margin: "0 auto", padding: "24px", borderRadius: "8px" },
  heading: { fontSize: "20px", margin: "0 0 16px" },
  text: { fontSize: "15px", lineHeight: "22px", margin: "0 0 16px" },
  button: { backgroundColor: "#157f42", color: "#ffffff", padding: "12px 20px", borderRadius: "8px", fontWeight: 600, textDecoration: "none" },
  small: { fontSize: "12px", color: "#64748b", wordBreak: "break-all" as const, margin: "8px 0" },
};

export function EmailLayout(props: {
  locale: Locale;
  preview: string;
  title: string;
  children: ReactNode;
  action?: { label: string; url: string };
  /** Marketing-style emails carry a one-click unsubscribe link that works signed-out. */
  unsubscribeUrl?: string;
}) {
  const t = translatorFor(props.locale, "emails");
  return (
    <Html lang={props.locale}>
      <Head />
      <Preview>{props.preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Heading as="h1" style={styles.heading}>
            {props.title}
          </Heading>
          {props.children}
          {props.action && (
            <Section style={{ margin: "24px 0" }}>
              <Button href={props.action.url} style={styles.button}>
                {props.action.label}
              </Button>
              <Text style={styles.small}>{props.action.url}</Text>
            </Section>
          )}
          <Hr />
          <Text style={styles.small}>{t("layout.footer")}</Text>
          {props.unsubscribeUrl && (
            <Text style={styles.small}>
              {t("layout.unsubscribePrompt")} <Link href={props.unsubscribeUrl}>{t("layout.unsubscribe")}</Link>
            </Text>
          )}
        </Container>
      </Body>
    </Html>
  );
}

export function P(props: { children: ReactNode }) {
  return <Text style={styles.text}>{props.children}</Text>;
}
