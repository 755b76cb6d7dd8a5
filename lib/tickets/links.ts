import { and, eq } from "drizzle-orm";
import type { Conn } from "@/db";
import { departments, orders, projects, tasks } from "@/db/schema";
import { AppError } from "@/lib/errors";

/**
 * The optional links of a ticket, checked against its requester: only their own orders and
 * services, only their company's projects and tasks, only an active department. Ids come from the
 * browser, so each one is re-derived on the server (a task implies its project, an order its
 * service). Every problem is a field error; nothing is written.
 */
export type LinkInput = {
  departmentId?: string | null;
  orderId?: string | null;
  serviceId?: string | null;
  projectId?: string | null;
  taskId?: string | null;
};

export type Links = {
  departmentId: string | null;
  department: { name: string; inboundAddress: string | null } | null;
  orderId: string | null;
  serviceId: string | null;
  projectId: string | null;
  taskId: string | null;
};

export async function resolveLinks(
  tx: Conn,
  requester: { id: string; companyId: string | null },
  input: LinkInput,
  /** "your" when clients pick their own links, "the client's" when staff pick them. */
  whose: "your" | "the client's" = "your",
): Promise<Links> {
  const errors: Record<string, string> = {};
  const out: Links = { departmentId: null, department: null, orderId: null, serviceId: null, projectId: null, taskId: null };

  if (input.departmentId) {
    const [d] = await tx
      .select({ id: departments.id, name: departments.name, inboundAddress: departments.inboundAddress })
      .from(departments)
      .where(and(eq(departments.id, input.departmentId), eq(departments.isActive, true)));
    if (d) Object.assign(out, { departmentId: d.id, department: { name: d.name, inboundAddress: d.inboundAddress } });
    else errors.departmentId = "Choose one of the listed departments.";
  }

  if (input.orderId) {
    const [o] = await tx
      .select({ id: orders.id, serviceId: orders.serviceId })
      .from(orders)
      .where(and(eq(orders.id, input.orderId), eq(orders.clientId, requester.id)));
    if (!o) errors.orderId = `Choose one of ${whose} orders.`;
    else if (input.serviceId && input.serviceId !== o.serviceId) errors.serviceId = "That service is not the one of the chosen order.";
    else Object.assign(out, { orderId: o.id, serviceId: o.serviceId });
  } else if (input.serviceId) {
    const [o] = await tx
      .select({ serviceId: orders.serviceId })
      .from(orders)
      .where(and(eq(orders.serviceId, input.serviceId), eq(orders.clientId, requester.id)))
      .limit(1);
    if (o) out.serviceId = o.serviceId;
    else errors.serviceId = `Choose one of ${whose} services.`;
  }

  let projectId = input.projectId ?? null;
  if (input.taskId) {
    const [t] = await tx
      .select({ id: tasks.id, projectId: tasks.projectId, companyId: projects.companyId })
      .from(tasks)
      .innerJoin(projects, eq(projects.id, tasks.projectId))
      .where(and(eq(tasks.id, input.taskId), eq(tasks.isActive, true)));
    if (!t || !requester.companyId || t.companyId !== requester.companyId) errors.taskId = `Choose a task of ${whose} company's projects.`;
    else if (projectId && projectId !== t.projectId) errors.taskId = "That task belongs to another project.";
    else {
      Object.assign(out, { taskId: t.id, projectId: t.projectId });
      projectId = null; // implied by the task, already checked
    }
  }
  if (projectId) {
    const [p] = await tx
      .select({ id: projects.id })
      .from(projects)
      .where(and(eq(projects.id, projectId), eq(projects.isActive, true), requester.companyId ? eq(projects.companyId, requester.companyId) : undefined));
    if (p && requester.companyId) out.projectId = p.id;
    else errors.projectId = `Choose a project of ${whose} company.`;
  }

  if (Object.keys(errors).length > 0) throw new AppError("invalid", "Check the highlighted fields.", errors);
  return out;
}
