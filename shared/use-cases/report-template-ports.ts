/** What the report-template use cases need from storage. */

export interface StoredReportTemplate {
  file: Uint8Array;
  /** Hex SHA-256 of the file: which version a report was filled from. */
  sha256: string;
  /** ISO instant. */
  uploadedAt: string;
  /** The uploading token's public id. */
  uploadedBy: string;
}

export interface ReportTemplateRepository {
  get(): Promise<StoredReportTemplate | null>;
  put(template: StoredReportTemplate): Promise<void>;
  remove(): Promise<void>;
}
