/**
 * AWS Lambda runtime lifecycle as dated data: the "Deprecation date" column of
 * https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html (supported and deprecated
 * tables). After that date the runtime gets no security patches; AWS later blocks creates and
 * updates. Future dates are AWS's projections and move from time to time: review this table
 * whenever AWS updates the page.
 */
export const LAMBDA_RUNTIME_TABLE_AS_OF = '2026-11-01';

export interface LambdaRuntimeInfo {
  id: string;
  name: string;
  /** YYYY-MM-DD (UTC). */
  deprecationDate: string;
  /** A suggested replacement, for the remediation message. */
  upgradeTo?: string;
}

const rows: [id: string, name: string, deprecationDate: string, upgradeTo?: string][] = [
  // Node.js
  ['nodejs24.x', 'Node.js 24', '2028-04-30'],
  ['nodejs22.x', 'Node.js 22', '2027-04-30', 'nodejs24.x'],
  ['nodejs20.x', 'Node.js 20', '2026-04-30', 'nodejs24.x'],
  ['nodejs18.x', 'Node.js 18', '2025-09-01', 'nodejs24.x'],
  ['nodejs16.x', 'Node.js 16', '2024-06-12', 'nodejs24.x'],
  ['nodejs14.x', 'Node.js 14', '2023-12-04', 'nodejs24.x'],
  ['nodejs12.x', 'Node.js 12', '2023-03-31', 'nodejs24.x'],
  ['nodejs10.x', 'Node.js 10', '2021-07-30', 'nodejs24.x'],
  ['nodejs8.10', 'Node.js 8.10', '2020-03-06', 'nodejs24.x'],
  ['nodejs6.10', 'Node.js 6.10', '2019-08-12', 'nodejs24.x'],
  ['nodejs4.3-edge', 'Node.js 4.3 edge', '2019-04-30', 'nodejs24.x'],
  ['nodejs4.3', 'Node.js 4.3', '2020-03-06', 'nodejs24.x'],
  ['nodejs', 'Node.js 0.10', '2016-10-31', 'nodejs24.x'],
  // Python
  ['python3.14', 'Python 3.14', '2029-06-30'],
  ['python3.13', 'Python 3.13', '2029-06-30'],
  ['python3.12', 'Python 3.12', '2028-10-31', 'python3.14'],
  ['python3.11', 'Python 3.11', '2027-06-30', 'python3.14'],
  ['python3.10', 'Python 3.10', '2026-10-31', 'python3.14'],
  ['python3.9', 'Python 3.9', '2025-12-15', 'python3.14'],
  ['python3.8', 'Python 3.8', '2024-10-14', 'python3.14'],
  ['python3.7', 'Python 3.7', '2023-12-04', 'python3.14'],
  ['python3.6', 'Python 3.6', '2022-07-18', 'python3.14'],
  ['python2.7', 'Python 2.7', '2021-07-15', 'python3.14'],
  // Java
  ['java25', 'Java 25', '2029-06-30'],
  ['java21', 'Java 21', '2029-06-30'],
  ['java17', 'Java 17', '2027-06-30', 'java25'],
  ['java11', 'Java 11', '2027-06-30', 'java25'],
  ['java8.al2', 'Java 8 (Amazon Linux 2)', '2027-06-30', 'java25'],
  ['java8', 'Java 8 (Amazon Linux)', '2024-01-08', 'java25'],
  // .NET
  ['dotnet10', '.NET 10', '2028-11-14'],
  ['dotnet8', '.NET 8', '2026-11-10', 'dotnet10'],
  ['dotnet7', '.NET 7', '2024-05-14', 'dotnet10'],
  ['dotnet6', '.NET 6', '2024-12-20', 'dotnet10'],
  ['dotnet5.0', '.NET 5', '2022-05-10', 'dotnet10'],
  ['dotnetcore3.1', '.NET Core 3.1', '2023-04-03', 'dotnet10'],
  ['dotnetcore2.1', '.NET Core 2.1', '2022-01-05', 'dotnet10'],
  ['dotnetcore2.0', '.NET Core 2.0', '2019-05-30', 'dotnet10'],
  ['dotnetcore1.0', '.NET Core 1.0', '2019-07-30', 'dotnet10'],
  // Ruby
  ['ruby3.4', 'Ruby 3.4', '2028-03-31'],
  ['ruby3.3', 'Ruby 3.3', '2027-03-31', 'ruby3.4'],
  ['ruby3.2', 'Ruby 3.2', '2026-03-31', 'ruby3.4'],
  ['ruby2.7', 'Ruby 2.7', '2023-12-07', 'ruby3.4'],
  ['ruby2.5', 'Ruby 2.5', '2021-07-30', 'ruby3.4'],
  // OS-only and Go
  ['provided.al2023', 'OS-only runtime (Amazon Linux 2023)', '2029-06-30'],
  ['provided.al2', 'OS-only runtime (Amazon Linux 2)', '2026-07-31', 'provided.al2023'],
  ['provided', 'OS-only runtime (Amazon Linux)', '2024-01-08', 'provided.al2023'],
  ['go1.x', 'Go 1.x', '2024-01-08', 'provided.al2023'],
];

export const LAMBDA_RUNTIMES: ReadonlyMap<string, LambdaRuntimeInfo> = new Map(
  rows.map(([id, name, deprecationDate, upgradeTo]) => [
    id,
    upgradeTo ? { id, name, deprecationDate, upgradeTo } : { id, name, deprecationDate },
  ]),
);

export function lambdaRuntimeInfo(runtime: string): LambdaRuntimeInfo | undefined {
  return LAMBDA_RUNTIMES.get(runtime.trim().toLowerCase());
}

const DAY_MS = 86_400_000;

/** Whole days from `now` until the runtime's deprecation (negative once it has passed). */
export function daysUntilDeprecation(info: LambdaRuntimeInfo, now: Date): number {
  const deprecation = Date.parse(`${info.deprecationDate}T00:00:00Z`);
  return Math.floor((deprecation - now.getTime()) / DAY_MS);
}

/** True from 00:00 UTC of the deprecation date on. */
export function isRuntimeDeprecated(info: LambdaRuntimeInfo, now: Date): boolean {
  return now.getTime() >= Date.parse(`${info.deprecationDate}T00:00:00Z`);
}
