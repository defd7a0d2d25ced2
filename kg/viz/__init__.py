"""Network views (pyvis) and the networkx graph behind them."""
