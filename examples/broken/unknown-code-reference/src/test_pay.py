from pay import pay_by_card


# @verifies SHOP-3
def test_pay_by_card():
    assert pay_by_card("tok", 100)
