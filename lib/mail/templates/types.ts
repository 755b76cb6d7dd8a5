import type { ReactElement } from "react";

/** What every mail template returns: a subject and a React Email element (rendered to HTML and text). */
export type MailTemplate = {
  subject: string;
  element: ReactElement;
  /**
   * The mail carries a live single-use link (`?token=`): verification, reset, invite, set-password.
   * Its outbox row is marked sensitive, so the link is redacted once a real provider has it.
   */
  sensitive?: boolean;
};
