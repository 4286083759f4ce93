import { Button, Flex, Typography } from '@strapi/design-system';

export interface Pagination {
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
}

/** "Trang trước · Trang x / y · n <unit> · Trang sau" under a paged list; nothing when the list is empty. */
export function Pager({ pagination, unit, onPage }: { pagination: Pagination | undefined; unit: string; onPage: (page: number) => void }) {
  if (!pagination || pagination.total === 0) return null;
  const { page, pageCount, total } = pagination;
  return (
    <Flex gap={4} paddingTop={4} alignItems="center">
      <Button variant="tertiary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        Trang trước
      </Button>
      <Typography>
        Trang {page} / {pageCount} · {total} {unit}
      </Typography>
      <Button variant="tertiary" disabled={page >= pageCount} onClick={() => onPage(page + 1)}>
        Trang sau
      </Button>
    </Flex>
  );
}
