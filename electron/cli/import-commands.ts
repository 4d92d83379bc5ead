import { formatProblem } from '../../shared/errors';
import { formatNumber } from '../../shared/format';
import { exportFrameworkFile, importFrameworkFile, importScoresFile, importUnitsFile } from '../services/imports';
import { type Command, flagString, flagYear } from './framework';
import { withWorkspace } from './workspace-commands';

export const importCommands: Command[] = [
  {
    name: 'units import',
    usage: 'WS FILE',
    summary: 'nhập danh sách đơn vị (Mã, Tên đơn vị, Khối, Kế thừa từ, Xếp hạng)',
    positionals: 2,
    run({ positionals: [file, source] }, io) {
      return withWorkspace(file, async (ws) => {
        const s = await importUnitsFile(ws, source);
        for (const w of s.warnings) io.err(`Cảnh báo: ${formatProblem(w)}`);
        io.err(`Đã nhập ${s.units} đơn vị từ ${s.file}: ${s.created} mới, ${s.updated} cập nhật.`);
      });
    },
  },
  {
    name: 'framework import',
    usage: 'WS --year Y --block B FILE',
    summary: 'nhập bộ chỉ số của một khối trong một năm (tạo năm nếu chưa có)',
    positionals: 2,
    flags: { year: 'number', block: 'string' },
    required: ['year', 'block'],
    run(args, io) {
      const year = flagYear(args);
      const block = flagString(args, 'block')!;
      return withWorkspace(args.positionals[0], async (ws) => {
        const s = await importFrameworkFile(ws, year, block, args.positionals[1]);
        io.err(
          `Đã nhập bộ chỉ số năm ${year}, khối ${block}: ${s.nodes} dòng, ${s.leaves} tiêu chí được chấm, ` +
            `tổng điểm tối đa ${formatNumber(s.maximum)}${s.yearCreated ? ` (đã tạo kỳ đánh giá năm ${year})` : ''}.`,
        );
      });
    },
  },
  {
    name: 'framework export',
    usage: 'WS --year Y --block B FILE',
    summary: 'xuất bộ chỉ số ra tệp .xlsx hoặc .csv (nhập lại được)',
    positionals: 2,
    flags: { year: 'number', block: 'string' },
    required: ['year', 'block'],
    run(args, io) {
      const year = flagYear(args);
      const block = flagString(args, 'block')!;
      return withWorkspace(args.positionals[0], async (ws) => {
        await exportFrameworkFile(ws, year, block, args.positionals[1]);
        io.err(`Đã xuất bộ chỉ số năm ${year}, khối ${block} ra ${args.positionals[1]}.`);
      });
    },
  },
  {
    name: 'framework clone',
    usage: 'WS --from Y1 --to Y2 [--block B]',
    summary: 'sao chép bộ chỉ số (và mức xếp loại) của năm Y1 sang năm Y2',
    positionals: 1,
    flags: { from: 'number', to: 'number', block: 'string' },
    required: ['from', 'to'],
    run(args, io) {
      const from = flagYear(args, 'from');
      const to = flagYear(args, 'to');
      return withWorkspace(args.positionals[0], (ws) => {
        const cloned = ws.cloneFramework(from, to, flagString(args, 'block'));
        io.err(`Đã sao chép bộ chỉ số năm ${from} sang năm ${to}: ${cloned.map((f) => f.blockCode).join(', ')}.`);
      });
    },
  },
  {
    name: 'scores import',
    usage: 'WS --year Y FILE',
    summary: 'nhập bảng điểm (Mã đơn vị, Mã tiêu chí, Điểm tự chấm, Điểm thẩm định, Không áp dụng, Ghi chú)',
    positionals: 2,
    flags: { year: 'number' },
    required: ['year'],
    run(args, io) {
      const year = flagYear(args);
      return withWorkspace(args.positionals[0], async (ws) => {
        const s = await importScoresFile(ws, year, args.positionals[1]);
        io.err(`Đã nhập ${s.rows} dòng điểm của ${s.units} đơn vị từ ${s.file}; ${s.changedFields} giá trị thay đổi.`);
      });
    },
  },
];
