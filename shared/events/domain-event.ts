/** An event the platform publishes: a detail type and its (already versioned) detail. */
export interface DomainEvent<Detail = Record<string, unknown>> {
  detailType: string;
  detail: Detail;
}
