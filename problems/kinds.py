"""The kind of case and the clocks this app owns (registered in `apps.py`)."""

ORDER_PROBLEM = "order_problem"  # an order the buyer must be told about before they ask
SHIP_BY = "order_ship_by"  # ship an order by Amazon's latest ship date (due then)
DELAY_TELL = "order_delay_tell"  # tell the buyer of a late shipment (due by the latest delivery date at the latest)
CANCEL_TELL = "order_cancel_tell"  # cancel an order the seller cannot fulfil and tell the buyer within 48 hours
CANCEL_ANSWER = "order_cancel_answer"  # answer the buyer's cancellation request (before the order ships)
