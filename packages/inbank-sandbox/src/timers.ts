/** Every delayed step of the sandbox, so that a reset or a stop cancels what is still due. */
export class Timers {
  private readonly pending = new Set<NodeJS.Timeout>()

  after(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.pending.delete(timer)
      run()
    }, ms)
    timer.unref()
    this.pending.add(timer)
  }

  clear(): void {
    for (const timer of this.pending) clearTimeout(timer)
    this.pending.clear()
  }
}
