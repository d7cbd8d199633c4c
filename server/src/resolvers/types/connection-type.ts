import { type ClassType, Extensions, Field, Int, ObjectType } from 'type-graphql';
import { LIST_SIZE, type ListSize } from '../../domain/list-size';
import { encodeCursor, type Page } from '../../db/pagination';

@ObjectType({ description: 'Where a page sits in its list.', simpleResolvers: true })
export class PageInfo {
  @Field(() => Boolean, { description: 'Whether another page follows; fetch it with `after: endCursor`.' })
  hasNextPage: boolean;

  @Field(() => String, { nullable: true, description: 'The cursor of the last edge, to pass as `after`.' })
  endCursor: string | null;
}

interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount(): Promise<number>;
}

/** A Relay connection type for `Node`, named `${name}Connection` with edges `${name}Edge`. */
export function connectionType<T extends object>(Node: ClassType<T>, name: string, plural: string) {
  @ObjectType(`${name}Edge`, { description: `One ${name} in a page, with its cursor.`, simpleResolvers: true })
  class Edge {
    /** The keyset value of the node: the cursor is encoded from it only when a client asks for it. */
    key: string;

    @Field(() => String, { description: 'Opaque cursor of this edge.' })
    get cursor(): string {
      return encodeCursor(this.key);
    }

    @Field(() => Node, { description: `The ${name}.` })
    node: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${plural}, keyset-paginated.`, simpleResolvers: true })
  class Connection implements ConnectionShape<T> {
    private count: () => Promise<number>;

    @Field(() => [Edge], { description: 'The items of this page.' })
    @Extensions({ [LIST_SIZE]: 'page' satisfies ListSize })
    edges: Edge[];

    @Field(() => PageInfo, { description: 'Whether more pages follow, and the cursor to fetch the next.' })
    pageInfo: PageInfo;

    @Field(() => Int, { description: 'How many items the whole list holds; counted only when asked for.' })
    totalCount(): Promise<number> {
      return this.count();
    }

    static from(page: Page<T>): Connection {
      const connection = new Connection();
      connection.edges = page.nodes.map((node, i) => Object.assign(new Edge(), { key: page.keys[i], node }));
      connection.pageInfo = Object.assign(new PageInfo(), {
        hasNextPage: page.hasNextPage,
        endCursor: page.keys.length ? encodeCursor(page.keys[page.keys.length - 1]) : null,
      });
      connection.count = page.totalCount;
      return connection;
    }
  }

  return Connection;
}
