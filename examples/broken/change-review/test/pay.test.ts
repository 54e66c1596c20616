// @verifies PAY-1@4
test("pays", () => {});
