/**
 * The format of a national investment project code (项目代码): 24 characters,
 * `NNNN-NNNNNN-NN-NN-NNNNNN`.
 *
 * @remarks
 * The code every government-invested project receives from the national online approval and supervision
 * platform (全国投资项目在线审批监管平台; 《政府投资条例》第十条、第二十七条), structured by GB/T 40058-2021.
 * Only the format is checked: the check-digit algorithm is not public.
 *
 * @example
 * ```ts
 * PROJECT_CODE_PATTERN.test('2411-130402-89-01-637015'); //=> true
 * ```
 * @category Portfolio
 */
export const PROJECT_CODE_PATTERN: RegExp = /^(\d{4})-(\d{6})-(\d{2})-(\d{2})-(\d{6})$/;

/**
 * A national investment project code (项目代码) split into its blocks.
 *
 * @example
 * ```ts
 * const c: ProjectCode = {
 *   code: '2411-130402-89-01-637015', time: '2411', region: '130402', department: '89', type: '01', serial: '637015',
 * };
 * ```
 * @category Portfolio
 */
export interface ProjectCode {
  /** 项目代码 — the whole code, as given. */
  readonly code: string;
  /** 时间代码 — 4 digits. */
  readonly time: string;
  /** 地区代码 — the 6-digit administrative division code (e.g. `130402`, 邯郸市邯山区). */
  readonly region: string;
  /** 中央业务指导部门代码 — the 2-digit code of the guiding central department (industry). */
  readonly department: string;
  /** 项目类型代码 — 2 digits. */
  readonly type: string;
  /** 随机码 + 校验码 — 5 random digits and 1 check digit (not verified: its algorithm is not public). */
  readonly serial: string;
}

/**
 * Whether a value has the format of a national investment project code (是否为项目代码格式).
 *
 * @remarks Format only ({@link PROJECT_CODE_PATTERN}); no surrounding spaces, ASCII digits and hyphens.
 * @example
 * ```ts
 * isProjectCode('2411-130402-89-01-637015'); //=> true
 * isProjectCode('2411-130402-89-01-63701');  //=> false
 * isProjectCode('2411130402890163701 5');    //=> false
 * ```
 * @category Portfolio
 */
export function isProjectCode(value: unknown): boolean {
  return typeof value === 'string' && PROJECT_CODE_PATTERN.test(value);
}

/**
 * Split a national investment project code into its blocks (解析项目代码), or `undefined` when the format
 * does not match.
 *
 * @remarks Format only: a well-formed code with a wrong check digit is not detected.
 * @example
 * ```ts
 * parseProjectCode('2411-130402-89-01-637015')?.region; //=> '130402'
 * parseProjectCode('not a code');                       //=> undefined
 * ```
 * @category Portfolio
 */
export function parseProjectCode(code: string): ProjectCode | undefined {
  const m = PROJECT_CODE_PATTERN.exec(code);
  if (!m) return undefined;
  const [, time = '', region = '', department = '', type = '', serial = ''] = m;
  return { code, time, region, department, type, serial };
}
