import type { ReactElement } from "react";

/** What every mail template returns: a subject and a React Email element (rendered to HTML and text). */
export type MailTemplate = { subject: string; element: ReactElement };
