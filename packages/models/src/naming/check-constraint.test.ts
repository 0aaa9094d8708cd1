import { checks, quoteIdentifier } from './check-constraint';

describe('checks', () => {
  test.each([
    ['CK_Country_SortOrder', checks.nonNegative('Country', 'SortOrder'), '"SortOrder" >= 0'],
    ['CK_EmailDelivery_AttemptNumber', checks.atLeast('EmailDelivery', 'AttemptNumber', 1), '"AttemptNumber" >= 1'],
    ['CK_ApiRequest_StatusCode', checks.between('ApiRequest', 'StatusCode', 100, 599), '"StatusCode" between 100 and 599'],
    ['CK_UserRefreshToken_ExpiresDate', checks.expiresAfterCreated('UserRefreshToken'), '"ExpiresDate" > "CreatedDate"'],
  ])('%s', (name, check, expression) => {
    expect(check).toEqual({ name, expression });
  });

  test('quoteIdentifier doubles embedded quotes', () => {
    expect(quoteIdentifier('Odd"Name')).toBe('"Odd""Name"');
  });
});
