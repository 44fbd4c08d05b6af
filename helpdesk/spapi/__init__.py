"""A seller account's connection to Amazon's Selling Partner API, which every app that talks to
Amazon shares: the credentials (`credentials`, stored on `helpdesk.AmazonConnection`), the
python-amazon-sp-api clients built from them (`client`), the Orders API reader (`orders`) and
the hourly order sync (`sync`) that keeps the account's orders up to date from it.
"""
