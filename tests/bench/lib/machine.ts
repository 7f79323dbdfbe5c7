/** The machine a run was measured on: every figure is only meaningful beside it. */
import { cpus, totalmem, release, platform, arch } from 'node:os';

export interface MachineInfo {
  node: string;
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  os: string;
}

export function machineInfo(): MachineInfo {
  const list = cpus();
  return {
    node: process.version,
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${platform()} ${release()} ${arch()}`,
  };
}
