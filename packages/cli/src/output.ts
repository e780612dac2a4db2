/** What a command prints and its exit status (packages/cli/README.md, "Usage"). */
export interface CliOutput {
  stdout: string
  stderr: string
  exitCode: number
}
