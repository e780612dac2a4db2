/** What a command prints and its exit status (packages/cli/README.md, "Usage"). */
export interface CliOutput {
  stdout: string
  stderr: string
  exitCode: number
}

/** Somewhere to print as things happen, for a command that keeps running (`serve`). */
export interface TextSink {
  write(text: string): unknown
}
