// Validate a broken document: every problem is reported at once, with a JSON path, a code and zh/en text.
// Run: npx tsx examples/validate-errors.ts
import { safeParsePortfolio } from 'sansansan';

const broken = {
  format: 'sansansan/portfolio@1',
  year: 2025,
  leaders: [{ id: 'L1', name: '王市长', role: 'mayor' }],
  departments: [{ id: 'D1', name: '市住建局', leaderId: 'L9' }],
  projects: [
    {
      id: 'P1',
      name: '中华大街北延工程',
      departmentId: 'D1',
      responsible: { leader: '张局长', person: '李工' },
      annualPlan: '1,200',
      ledger: { months: [{ month: '2025-02-30', investment: '100' }] },
      milestones: [],
      reports: [],
      remark: '保留的自定义字段',
    },
  ],
  meetings: [],
  bureauReviews: [],
};

const r = safeParsePortfolio(broken);
if (!r.success) {
  for (const issue of r.error.issues) console.log(`${issue.path}  ${issue.code}  ${issue.message.zh} / ${issue.message.en}`);
  for (const w of r.error.warnings) console.log(`warning: ${w.path}  ${w.code}`);
}
