import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';

@ObjectType('TestClock', {
  description:
    'Domain time (SPEC §8): what every rule reads and every change writes. It is the wall clock plus an offset that only grows, shared by every server instance; tokens, webhook retries, rate limits and logs keep the wall clock.',
  simpleResolvers: true,
})
export class TestClockView {
  @Field(() => Boolean, {
    description: 'Whether a platform admin may move domain time on this server (TEST_CLOCK=enabled; never in production).',
  })
  enabled: boolean;

  @Field(() => DateTimeISOResolver, { description: 'Domain time now.' })
  now: Date;

  @Field(() => Int, { description: 'How far domain time is ahead of the wall clock, in seconds (0 until the clock is first moved).' })
  offsetSeconds: number;
}

@InputType({ description: 'Where to move domain time: forward, at most 5 calendar years at a time.' })
export class AdvanceTestClockInput {
  @Field(() => DateTimeISOResolver, {
    description:
      'The new domain time: later than domain time now and at most 5 calendar years ahead of it (domain time becomes at least this, in whole seconds).',
  })
  to: Date;
}

@ObjectType({ description: 'The result of advanceTestClock.', simpleResolvers: true })
export class AdvanceTestClockPayload {
  @Field(() => TestClockView, { description: 'The test clock after the move and the sweeps up to it.' })
  testClock: TestClockView;
}
