import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Permission } from '../auth/permissions';
import type { RequestContext } from '../auth/request-context';
import type { TestClockState } from '../services/test-clock.service';
import type { Services } from '../services';
import { AdvanceTestClockInput, AdvanceTestClockPayload, TestClockView } from './types/test-clock';

const view = (state: TestClockState) => Object.assign(new TestClockView(), state);

@Resolver(() => TestClockView)
export class TestClockResolver {
  constructor(private readonly services: Services) {}

  @Authorized(Permission.Read)
  @Query(() => TestClockView, {
    description: 'The test clock: whether it may be moved, domain time now, and its offset from the wall clock.',
  })
  testClock(): TestClockView {
    return view(this.services.testClock.state());
  }

  @Authorized(Permission.AdvanceTestClock)
  @Mutation(() => AdvanceTestClockPayload, {
    description:
      'Move domain time forward (platform admins, TEST_CLOCK=enabled), then run the sweeps up to it before answering: renewals, expiries and deletions are visible at once.',
  })
  async advanceTestClock(@Arg('input', () => AdvanceTestClockInput) input: AdvanceTestClockInput, @Ctx() ctx: RequestContext) {
    const state = await this.services.testClock.advance(ctx, input.to);
    return Object.assign(new AdvanceTestClockPayload(), { testClock: view(state) });
  }
}
