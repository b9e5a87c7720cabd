// How many returns (退单) make a case a dispute (争议工单) that the district decides, instead of routing it
// again: the first return is routed again without the returning unit; the second goes to the district.
export const DISPUTE_AFTER_RETURNS = 2;
