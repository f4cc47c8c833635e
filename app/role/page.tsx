import type { Metadata } from "next";
import Link from "next/link";
import { BarChart } from "@/components/charts/bar-chart";
import { formatCountOf, formatSalaryBand } from "@/lib/format";
import { countryName } from "@/lib/normalize/gazetteer";
import { getRoleFiguresShared } from "@/lib/role/queries";
import { FAMILY_LABELS, LEVEL_LABELS, REMOTE_LABELS, skillLabel } from "@/lib/search/labels";
import { LEVEL_OPTIONS } from "@/lib/search/schemas";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "The Senior / Lead Machine Learning Engineer role",
  description: "What a senior or lead ML engineer does, backed by live figures from open postings.",
  alternates: { canonical: "/role" },
};

export default async function RolePage() {
  const figures = await getRoleFiguresShared();
  const remoteTotal = figures.remote.reduce((sum, r) => sum + r.count, 0);
  const remoteShare = remoteTotal ? Math.round((100 * (figures.remote.find((r) => r.value === "remote")?.count ?? 0)) / remoteTotal) : 0;
  return (
    <article className="mx-auto max-w-4xl">
      <h1 className="text-3xl font-semibold">Senior / Lead Machine Learning Engineer</h1>
      <p className="mt-2 text-slate-700">
        Figures below are live: computed from the{" "}
        <Link prefetch={false} href="/" data-testid="role-open-count">
          {formatCountOf(figures.openFit, "open posting", "open postings")}
        </Link>{" "}
        that fit the role, recomputed every minute.{" "}
        <Link prefetch={false} href="/?visa=1" data-testid="role-visa-count">
          {formatCountOf(figures.sponsorsVisa, "of them says", "of them say")}
        </Link>{" "}
        {figures.sponsorsVisa === 1 ? "it sponsors" : "they sponsor"} work visas.
      </p>

      <section className="mt-6 space-y-3 leading-relaxed text-slate-800">
        <h2 className="text-xl font-semibold">What the role is</h2>
        <p>
          A senior ML engineer owns machine learning systems end to end, in production: from the data pipelines that feed training,
          through training and evaluation, to serving predictions to real users under latency and cost budgets, and back again through
          monitoring. The model is one component; the job is the system around it.
        </p>
        <p>
          Day to day that means building reliable pipelines (Spark, Ray, Kafka, Airflow), training at scale on clusters of GPUs with
          PyTorch or TensorFlow, and making inference fast and cheap: batching, caching, quantization and pruning, and serving
          frameworks such as vLLM, TensorRT and Triton on Kubernetes and the big cloud platforms. It is distributed-systems work as much
          as modelling work.
        </p>
        <p>
          Seniority shows in judgment and in people. Staff, principal and lead engineers set technical direction, review designs and
          code, mentor others and decide what not to build. They make results reproducible (versioned data, models and configs) and
          govern models responsibly: evaluation before launch, clear ownership, and a rollback plan.
        </p>
      </section>

      <section className="mt-8 grid gap-4 md:grid-cols-2" aria-label="Live figures">
        <BarChart
          testId="chart-skills"
          title="Skills most asked for"
          bars={figures.skills.map((s) => ({ label: skillLabel(s.value), value: s.count, href: `/?skills=${encodeURIComponent(s.value)}` }))}
        />
        <BarChart
          testId="chart-families"
          title="Open roles by family"
          bars={figures.families.map((f) => ({ label: FAMILY_LABELS[f.value] ?? f.value, value: f.count, href: `/?family=${f.value}` }))}
        />
        <BarChart
          testId="chart-remote"
          title={`Work mode (${remoteShare}% remote)`}
          bars={figures.remote.map((r) => ({ label: REMOTE_LABELS[r.value] ?? r.value, value: r.count, href: r.value === "unknown" ? "/" : `/?remote=${r.value}` }))}
        />
        <BarChart
          testId="chart-companies"
          title="Companies hiring most"
          more={{ href: "/companies", label: "All companies hiring" }}
          bars={figures.companies.map((c) => ({ label: c.label ?? c.value, value: c.count, href: `/?company=${encodeURIComponent(c.value)}` }))}
        />
        <BarChart
          testId="chart-salary-level"
          title="Median salary by level (annual USD)"
          bars={figures.salaryByLevel.map((band) => ({
            label: `${LEVEL_LABELS[band.key] ?? band.key} (${band.count})`,
            value: band.median,
            display: formatSalaryBand(band),
            href: (LEVEL_OPTIONS as readonly string[]).includes(band.key) ? `/?level=${band.key}&sort=salary` : "/?sort=salary",
          }))}
        />
        <BarChart
          testId="chart-salary-region"
          title="Median salary by country (annual USD)"
          bars={figures.salaryByRegion.map((band) => ({
            label: `${countryName(band.key)} (${band.count})`,
            value: band.median,
            display: formatSalaryBand(band),
            href: `/?location=${band.key}&sort=salary`,
          }))}
        />
      </section>
      <p className="mt-4 text-xs text-slate-600">
        Salaries are normalized to annual USD with a dated exchange-rate table; the range shown is the middle half (25th to 75th
        percentile) of postings that state a salary.
      </p>
    </article>
  );
}
