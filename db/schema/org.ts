import { boolean, index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns";

/** Seed 003: companies own projects, projects own tasks; clients belong to a company. */
export const companies = pgTable(
  "companies",
  {
    id: id(),
    name: text().notNull(),
    description: text().notNull().default(""),
    isActive: boolean().notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("companies_name_key").on(t.name)],
);

export const projects = pgTable(
  "projects",
  {
    id: id(),
    companyId: uuid()
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    name: text().notNull(),
    description: text().notNull().default(""),
    isActive: boolean().notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("projects_company_idx").on(t.companyId)],
);

export const tasks = pgTable(
  "tasks",
  {
    id: id(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    name: text().notNull(),
    description: text().notNull().default(""),
    isActive: boolean().notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("tasks_project_idx").on(t.projectId)],
);

/** Seed 001: the department a ticket is handled by; agents are members of departments. */
export const departments = pgTable(
  "departments",
  {
    id: id(),
    name: text().notNull(),
    description: text().notNull().default(""),
    inboundAddress: text(),
    isActive: boolean().notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("departments_name_key").on(t.name), uniqueIndex("departments_inbound_key").on(t.inboundAddress)],
);
