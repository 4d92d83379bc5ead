// Survey files in: pick or drop a file, see how its columns and answers map onto the year's
// questionnaire (and fix the mapping, saved as a named profile), import it whole, read the
// report; the list of the year's imports, each of which can be removed.
import { formatDateTime, formatNumber } from '../../../shared/format';
import { FORMAT_NAMES, type MappingProfile, type SurveyDefinition, type SurveyFileFormat, type SurveyImportRecord } from '../../../shared/survey';
import { DropZone } from '../../app/DropZone';
import { useImports, useImportWizard } from './import-hooks';
import { ImportReport } from './ImportReport';
import { MappingStep } from './MappingStep';

export interface ImportPanelProps {
  year: number;
  definition: SurveyDefinition;
  imports: SurveyImportRecord[];
  profiles: MappingProfile[];
  /** after an import, a removal or a saved profile: the screen reloads the year */
  onChanged(): void;
}

export function ImportPanel({ year, definition, imports: records, profiles, onChanged }: ImportPanelProps) {
  const wizard = useImportWizard(year, profiles, onChanged);
  const imports = useImports(year, onChanged);
  return (
    <div className="sipas-import">
      <section className="card">
        <h3>Nhập tệp phiếu khảo sát năm {year}</h3>
        <DropZone className="sipas-dropzone" onDrop={wizard.drop}>
          <p>
            Kéo và thả một tệp vào đây: phiếu nhập của PAR Workbench (.xlsx, .csv), tệp xuất từ Google Forms, KoboToolbox/ODK hoặc
            LimeSurvey.
          </p>
          <div className="toolbar sipas-center">
            <button type="button" className="primary" disabled={wizard.busy} onClick={wizard.pick}>
              Chọn tệp khảo sát…
            </button>
            <button type="button" onClick={imports.downloadTemplate}>
              Tải phiếu nhập mẫu (Excel)…
            </button>
          </div>
        </DropZone>
        {wizard.file && <MappingStep wizard={wizard} definition={definition} />}
      </section>
      {wizard.report && <ImportReport report={wizard.report} />}
      <section className="card" data-testid="sipas-imports">
        <h3>Các tệp đã nhập năm {year}</h3>
        {records.length === 0 ? (
          <p className="muted">Chưa nhập tệp khảo sát nào cho năm {year}.</p>
        ) : (
          <table className="table sipas-table">
            <thead>
              <tr>
                <th className="num">Số</th>
                <th>Tệp</th>
                <th>Dạng tệp</th>
                <th>Hồ sơ ánh xạ</th>
                <th className="num">Số phiếu</th>
                <th>Nhập lúc</th>
                <th>Người nhập</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {records.map((r) => (
                <tr key={r.id}>
                  <td className="num">{r.id}</td>
                  <td className="sipas-file">{r.fileName}</td>
                  <td>{FORMAT_NAMES[r.format as SurveyFileFormat] ?? r.format}</td>
                  <td>{r.profile ?? '—'}</td>
                  <td className="num">{formatNumber(r.formCount)}</td>
                  <td>{formatDateTime(r.importedAt)}</td>
                  <td>{r.actor}</td>
                  <td className="sipas-actions">
                    {imports.confirming === r.id ? (
                      <>
                        <button type="button" className="danger" onClick={() => imports.remove(r)}>
                          Xác nhận xóa
                        </button>
                        <button type="button" onClick={() => imports.confirmDelete(null)}>
                          Hủy
                        </button>
                      </>
                    ) : (
                      <button type="button" className="danger" aria-label={`Xóa lần nhập ${r.fileName}`} onClick={() => imports.confirmDelete(r.id)}>
                        Xóa
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
